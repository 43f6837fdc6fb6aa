export * from './aggregates';
export * from './anomalies';
export * from './csv';
export * from './figures';
export * from './months';
export * from './report-schemas';
