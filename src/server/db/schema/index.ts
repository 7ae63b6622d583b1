export * from './organisations.ts';
export * from './identity.ts';
export * from './commands.ts';
export * from './audit.ts';
export * from './jobs.ts';
export * from './credentials.ts';
export * from './forms.ts';
export * from './directory.ts';
