// Bundles: ESM + CJS library (WASM bytes inlined), the CLI, and one .d.ts.
import typescript from "@rollup/plugin-typescript";
import { dts } from "rollup-plugin-dts";

const ts = () => typescript({ tsconfig: "./tsconfig.json", compilerOptions: { noEmit: false, declaration: false, sourceMap: false }, include: ["src/**/*.ts"] });
const external = (id) => id.startsWith("node:");

export default [
  {
    input: "src/index.ts",
    external,
    output: [
      { file: "dist/kramers.mjs", format: "es" },
      { file: "dist/kramers.cjs", format: "cjs", exports: "named" },
    ],
    plugins: [ts()],
  },
  {
    input: "src/cli/main.ts",
    external,
    output: { file: "dist/cli.mjs", format: "es" },
    plugins: [ts()],
  },
  {
    input: "src/index.ts",
    output: { file: "dist/kramers.d.ts", format: "es" },
    plugins: [dts()],
  },
];
