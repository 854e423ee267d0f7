/** The discrete-event engine: kernel, processes, resources, random streams and statistics. */
export { allOf, anyOf } from "./condition.ts";
export {
  batchMeans,
  type ConfidenceInterval,
  confidenceInterval,
  deleteWarmup,
  mser5,
  type Resettable,
  resetAfterWarmup,
  type WelchResult,
  welchWarmup,
} from "./confidence.ts";
export { Container, type ContainerOptions, ContainerRequest } from "./container.ts";
export {
  checkDistSpec,
  DIST_NAMES,
  type DistIssue,
  type DistSpec,
  distMean,
  empiricalMean,
  sampler,
} from "./distributions.ts";
export { Event, type EventCallback, Interrupt, SimulationError } from "./event.ts";
export { Process, type ProcessGenerator } from "./process.ts";
export { createStream, RandomStream } from "./randomStream.ts";
export {
  Preempted,
  Request,
  type RequestOptions,
  Resource,
  type ResourceOptions,
} from "./resource.ts";
export { type RunOptions, Simulation, type SimulationOptions } from "./simulation.ts";
export {
  erfc,
  incompleteBeta,
  logGamma,
  normalCdf,
  normalQuantile,
  studentTCdf,
  studentTQuantile,
} from "./special.ts";
export { Store, StoreGet, type StoreOptions, StorePut } from "./store.ts";
export { Tally } from "./tally.ts";
export { TimeWeighted } from "./timeWeighted.ts";
