/** The History screen (being built; see issue 5). */
export function HistoryScreen() {
  return <h2 className="text-sm font-semibold">History</h2>;
}
