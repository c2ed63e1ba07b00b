import { ReachabilityCheck } from '../../components/reachability-check';
import { QualityGraph } from './quality-graph';
import { SipLadder } from './sip-ladder';

/** What to look at when something does not work: the SIP messages, an OPTIONS ping, and the current call's quality. */
export function DiagnosticsScreen() {
  return (
    <>
      <h2 className="sr-only">Diagnostics</h2>
      <SipLadder />
      <ReachabilityCheck />
      <QualityGraph />
    </>
  );
}
