import { ExactCallBudget } from './exact-call-budget.entity';
import { ExactConnection } from './exact-connection.entity';
import { ExactDivisionMap } from './exact-division-map.entity';
import { ExactSyncRun } from './exact-sync-run.entity';
import { ExactSyncState } from './exact-sync-state.entity';

/** The connector's bookkeeping tables (migration 1764800000000), outside the catalog. */
export const EXACT_ENTITIES = [ExactConnection, ExactDivisionMap, ExactSyncState, ExactSyncRun, ExactCallBudget];
