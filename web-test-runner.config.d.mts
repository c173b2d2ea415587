/** Chromium's flags for this machine's headless, offline runs (shared by the browser and end-to-end suites). */
export declare const chromiumArgs: string[];
declare const config: object;
export default config;
