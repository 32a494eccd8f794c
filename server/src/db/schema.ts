// Every table of ChiSo; each is defined by the module that owns it.

export * from '../modules/api-tokens/schema';
export * from '../modules/assessments/schema';
export * from '../modules/audit/schema';
export * from '../modules/auth/schema';
export * from '../modules/files/schema';
export * from '../modules/frameworks/schema';
export * from '../modules/plans/schema';
export * from '../modules/registers/schema';
export * from '../modules/units/schema';
export * from '../modules/users/schema';
