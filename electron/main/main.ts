// Placeholder until the main-process module lands.
export {};
