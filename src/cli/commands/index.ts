// Every CLI command, in the order `kramers --help` lists them. Engines add theirs here.
import type { Command } from "../command.js";
import { landscapeCommand } from "./landscape.js";
import { rateCommand } from "./rate.js";
import { mfptCommand } from "./mfpt.js";
import { simulateCommand } from "./simulate.js";
import { turnoverCommand } from "./turnover.js";
import { spectrumCommand } from "./spectrum.js";
import { langerCommand } from "./langer.js";

export const COMMANDS: Command[] = [
  landscapeCommand,
  rateCommand,
  mfptCommand,
  simulateCommand,
  turnoverCommand,
  spectrumCommand,
  langerCommand,
];
