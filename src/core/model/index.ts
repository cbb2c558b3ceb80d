// The RACE model as data: stages, the KPI catalogue, business models, channels and measures.
export * from './business-models';
export * from './initiatives';
export * from './kpis';
export * from './measures';
export * from './stages';
