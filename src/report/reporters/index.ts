// The reporters, all pure functions in one place: the CLI picks one by --format.
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { prettyReporter } from './pretty.js';
import { sarifReporter } from './sarif.js';
import type { StreamingReporter } from './types.js';

export type { StreamingReporter } from './types.js';
export type ReportFormat = 'pretty' | 'json' | 'junit' | 'sarif' | 'html';

export interface ReporterOptions {
  /** Colour for the pretty reporter (a TTY without NO_COLOR). */
  color: boolean;
  /** Show info findings in the pretty reporter. */
  verbose: boolean;
  /** Preferred language of multilingual values (html). */
  lang?: string;
}

export function reporterFor(format: ReportFormat, options: ReporterOptions): StreamingReporter {
  switch (format) {
    case 'json':
      return jsonReporter();
    case 'junit':
      return junitReporter();
    case 'sarif':
      return sarifReporter();
    case 'html':
      return htmlReporter(options.lang ? { lang: options.lang } : {});
    case 'pretty':
      return prettyReporter({ color: options.color, verbose: options.verbose });
  }
}
