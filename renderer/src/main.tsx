import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ClientContext, createClient, pickTransport, shareProgress } from './api.ts';
import { App } from './app/App.tsx';
import { createQueryClient } from './lib/useCall.ts';
import { NoTransport } from './views/welcome/Welcome.tsx';
import './styles.css';

const transport = pickTransport();
const root = createRoot(document.getElementById('root')!);
root.render(
  <StrictMode>
    {transport ? (
      <ClientContext.Provider value={createClient(shareProgress(transport))}>
        <QueryClientProvider client={createQueryClient()}>
          <App />
        </QueryClientProvider>
      </ClientContext.Provider>
    ) : (
      <NoTransport />
    )}
  </StrictMode>,
);
