/** The Contacts screen (being built; see issue 5). */
export function ContactsScreen() {
  return <h2 className="text-sm font-semibold">Contacts</h2>;
}
