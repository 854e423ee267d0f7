/**
 * A raw HTTP/1.1 request over a loopback socket, for requests `fetch` would refuse to send
 * or would normalise (malformed escapes, dot-dot, NUL bytes, odd methods and Host headers).
 */
import { connect } from "node:net";

/** What came back: the status (0 when the connection closed without one) and the body. */
export interface RawResponse {
  status: number;
  head: string;
  body: Buffer;
}

/** Sends `request` (the whole request text) to 127.0.0.1:port and reads until the socket closes. */
export function rawRequest(
  port: number,
  request: string | Buffer,
  timeoutMs = 5000,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const split = all.indexOf("\r\n\r\n");
      const head = (split < 0 ? all : all.subarray(0, split)).toString("latin1");
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body: split < 0 ? Buffer.alloc(0) : all.subarray(split + 4) });
    });
    socket.write(request);
  });
}

/** A GET of `target` with the given Host header, closing the connection after the answer. */
export function rawGet(
  port: number,
  target: string,
  host = `127.0.0.1:${port}`,
): Promise<RawResponse> {
  return rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
}
