export { createNavigationStore, type DialDraft, type NavigationStore, type NavigationStoreState, type Screen } from './store';
