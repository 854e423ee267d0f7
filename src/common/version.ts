/** The whsim version written into every result file, for reproducibility. */
export const VERSION = "0.1.0";
