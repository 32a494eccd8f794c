// The yearly loop of a unit (issue 4), pure: the sheet's workflow, its values and what
// blocks them, publishing a round, the audit chain. Runs in the browser and the server.

export * from './audit-chain';
export * from './publish';
export * from './sha256';
export * from './sheet';
export * from './states';
export * from './workflow';
