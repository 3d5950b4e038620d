// Presentation: SVG figures as strings (no DOM, no dependencies), for Node scripts, the CLI and the explorer page.
export { plotChart, escapeXml, PALETTE, type ChartOptions, type AxisOptions, type Layer, type LineLayer, type MarkerLayer, type BarLayer, type ErrorBarLayer, type RuleLayer, type ArrowLayer, type HeatmapLayer } from "./chart.js";
export {
  plotPotential, plotDensity, plotHistogram, plotTurnover, plotLandscape2D,
  type FigureOptions, type PlotCriticalPoint, type PlotPotentialOptions, type PlotDensityOptions, type PlotSeries,
  type PlotHistogramOptions, type PlotTurnoverOptions, type TurnoverPoint, type PlotLandscape2DOptions,
} from "./figures.js";
export { makeScale, niceStep, linearTicks, logTicks, type Scale, type ScaleOptions } from "./scale.js";
