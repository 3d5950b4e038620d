// `kramers <command> [--flags]`: readable tables by default, --json for machines.
import { KramersError } from "../errors.js";
import { parseFlags } from "./args.js";
import { COMMANDS } from "./commands/index.js";

function usage(): string {
  const lines = ["usage: kramers <command> [--flags] [--json]", "", "commands:"];
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(12)} ${c.summary}`);
  lines.push("", "kramers <command> --help lists a command's flags.");
  return lines.join("\n");
}

/** Whether --json (or --json=VALUE other than false) is among the arguments, even when they fail to parse. */
function wantsJson(argv: readonly string[]): boolean {
  return argv.some((a) => a === "--json" || (a.startsWith("--json=") && a !== "--json=false"));
}

/** Run the CLI with argv (without node and script); returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const message = `unknown command ${JSON.stringify(name)}; commands: ${COMMANDS.map((c) => c.name).join(", ")}`;
    if (wantsJson(rest)) console.log(JSON.stringify({ error: { code: "INVALID_ARGUMENT", message } }, null, 2));
    console.error(`kramers: ${message} (kramers --help for usage)`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(`kramers ${command.name}: ${command.summary}\n`);
    for (const f of command.flags) console.log(`  --${f.name.padEnd(12)} ${f.help}${f.required ? " (required)" : ""}`);
    return 0;
  }
  const json = wantsJson(rest);
  try {
    const flags = parseFlags(rest, command.flags);
    const out = await command.run(flags);
    if (json) console.log(JSON.stringify(out.json, null, 2));
    else console.log(out.text.join("\n"));
    return 0;
  } catch (e) {
    if (e instanceof KramersError) {
      if (json) console.log(JSON.stringify({ error: { code: e.code, message: e.message } }, null, 2));
      console.error(`kramers ${command.name}: ${e.code}: ${e.message}`);
      return 2;
    }
    // anything else is a bug in kramers, not in the input: still one line (and a JSON object), exit 1
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    if (json) console.log(JSON.stringify({ error: { code: "INTERNAL", message } }, null, 2));
    console.error(`kramers ${command.name}: internal error: ${message}`);
    return 1;
  }
}
