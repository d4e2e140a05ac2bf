export { exportWorkspace } from './export';
export { importWorkspace } from './import';
export type { ExportOptions, ImportResult, Workspace, WorkspaceKey } from './types';
