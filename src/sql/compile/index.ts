/** The SQL layer's compiler: a parsed SELECT checked against the catalog and compiled per dialect. */
export { SelectStatementCompiler } from './statement';
export type { CompileOptions, Expr } from './context';
