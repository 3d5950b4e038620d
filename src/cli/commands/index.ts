// Every CLI command, in the order `kramers --help` lists them. Engines add theirs here.
import type { Command } from "../command.js";

export const COMMANDS: Command[] = [];
