export type { CallLine, CallLineEnd, CallRemote, CallsState } from './state';
export type { CallsActions } from './actions';
export { createCallsStore, type CallsStore, type CallsStoreState } from './store';
export {
  canTransfer,
  formatDuration,
  isLive,
  isRingingIn,
  lineControls,
  lineStatusText,
  lineSubtitle,
  lineTimer,
  lineTitle,
  lineTone,
  selectHasLiveCall,
  selectCurrentLine,
  selectLines,
  selectSelectedId,
  swapPair,
  transferPartner,
  type SwapPair,
  type LineControls,
  type LineTone,
} from './selectors';
export {
  lineQualityOf,
  qualityBars,
  qualityDetail,
  qualityLabel,
  qualityLevel,
  type LineQuality,
  type QualityLevel,
} from './quality';
