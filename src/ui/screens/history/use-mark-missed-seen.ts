import { useEffect, useState } from 'react';
import { selectMissedUnseen } from '../../../stores/history';
import { useHistory, useHistoryService } from './use-history';

/**
 * While the history is on screen and the window is visible, missed calls count as seen (the app
 * badge drops them). A call missed while the window is hidden stays unseen until it is looked at.
 */
export function useMarkMissedSeen(): void {
  const service = useHistoryService();
  const unseen = useHistory(selectMissedUnseen);
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const changed = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', changed);
    return () => document.removeEventListener('visibilitychange', changed);
  }, []);
  useEffect(() => {
    if (visible && unseen > 0) service?.markAllSeen();
  }, [service, unseen, visible]);
}
