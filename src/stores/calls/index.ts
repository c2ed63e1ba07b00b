export type { CallLine, CallLineEnd, CallRemote, CallsState } from './state';
export type { CallsActions } from './actions';
export { createCallsStore, type CallsStore, type CallsStoreState } from './store';
export {
  canTransfer,
  formatDuration,
  isLive,
  lineControls,
  lineStatusText,
  lineSubtitle,
  lineTimer,
  lineTitle,
  lineTone,
  selectHasLiveCall,
  selectLines,
  selectSelectedId,
  transferPartner,
  type LineControls,
  type LineTone,
} from './selectors';
