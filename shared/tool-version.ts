declare const __APP_VERSION__: string | undefined;

/** The tool's version, injected at build time (package.json `version`): the engine's and the window's. */
export const TOOL_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';
