import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLabStore } from './store/labStore';
import { STORIES } from './stories';
import { App } from './ui/App';
import { LabStoreProvider } from './ui/hooks/labStore';
import { applyLocation } from './ui/hooks/useUrlSync';
import './ui/theme.css';
import './ui/app.css';

const store = createLabStore({ stories: STORIES });
// Read the deep link before the first paint, so the page opens where the link points.
applyLocation(store);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LabStoreProvider store={store}>
      <App />
    </LabStoreProvider>
  </StrictMode>,
);
