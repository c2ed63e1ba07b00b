import { AccountCard } from './components/account-card';

export function App() {
  return (
    <div className="min-h-dvh bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <div className="mx-auto flex min-h-dvh max-w-md flex-col">
        <header className="flex items-center gap-2.5 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
          <img src="/icons/favicon.svg" alt="" className="size-7" />
          <h1 className="text-lg font-semibold tracking-tight">Tabphone</h1>
        </header>
        <main className="flex-1 p-4">
          <AccountCard />
        </main>
      </div>
    </div>
  );
}
