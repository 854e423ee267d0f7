/**
 * The appendix every report ends with, written once: the scenario's assumptions and the
 * reproducibility details (version, hashes, seeds, files, results per replication). The
 * long reference tables stay on screen and in the spreadsheet; the printed report says so.
 */
import { assumptionBlocks } from "./assumptions.ts";
import { type ResultsIdentity, reproducibilityTable } from "./commonSections.ts";
import type { ResultsFolder } from "./readResultsFolder.ts";
import type { Block, Section } from "./reportModel.ts";

/** What the appendix shows beside the results folder. */
export interface AppendixOptions {
  /** Title of the assumptions section, e.g. "Scenario assumptions (the winner)". */
  assumptionsTitle: string;
  reproducibility: Parameters<typeof reproducibilityTable>[0];
  /** Results per replication (tables), if the report has them. */
  replicationBlocks?: Block[];
  /** What the printed report leaves out, in a note. Defaults to the settings and replications. */
  printNote?: string;
}

/** Appendix options for a results file: its identity, the files read and extra rows. */
export function appendixOptions(
  folder: ResultsFolder,
  assumptionsTitle: string,
  results: ResultsIdentity,
  more: { replicationBlocks?: Block[]; extra?: [string, string][]; printNote?: string } = {},
): AppendixOptions {
  const { version, scenarioHash, seed, replications, warmupS, horizonS } = results;
  return {
    assumptionsTitle,
    reproducibility: {
      version,
      scenarioHash,
      seed,
      replications,
      warmupS,
      horizonS,
      files: folder.files,
      ...(more.extra ? { extra: more.extra } : {}),
    },
    ...(more.replicationBlocks ? { replicationBlocks: more.replicationBlocks } : {}),
    ...(more.printNote ? { printNote: more.printNote } : {}),
  };
}

const PRINT_NOTE =
  "The scenario's full settings and the results of every replication are in the HTML report and its spreadsheet; the printed report leaves them out.";

/** The assumptions (when the folder has a scenario) and reproducibility sections. */
export function appendixSections(folder: ResultsFolder, options: AppendixOptions): Section[] {
  const sections: Section[] = [];
  if (folder.scenario)
    sections.push({
      id: "assumptions",
      title: options.assumptionsTitle,
      blocks: assumptionBlocks(folder.scenario, folder.layout),
      pageBreak: true,
      screenOnly: true,
    });
  sections.push({
    id: "reproducibility",
    title: "Reproducibility",
    blocks: [
      { kind: "table", table: reproducibilityTable(options.reproducibility) },
      { kind: "note", text: options.printNote ?? PRINT_NOTE, printOnly: true },
    ],
  });
  if (options.replicationBlocks && options.replicationBlocks.length > 0)
    sections.push({
      id: "replications",
      title: "Results per replication",
      blocks: options.replicationBlocks,
      screenOnly: true,
    });
  return sections;
}
