/** The Settings screen (being built; see issue 5). */
export function SettingsScreen() {
  return <h2 className="text-sm font-semibold">Settings</h2>;
}
