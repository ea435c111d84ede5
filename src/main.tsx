import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLabStore } from './store/labStore';
import { lineByLineSaved } from './ui/lib/lineByLine';
import { STORIES } from './stories';
import { App } from './ui/App';
import { LabStoreProvider } from './ui/hooks/labStore';
import { applyLocation } from './ui/hooks/useUrlSync';
import './ui/theme.css';
import './ui/app.css';
import './ui/stage/scene.css';
import './ui/layout.css';

const store = createLabStore({ stories: STORIES, lineByLine: lineByLineSaved() });
// Read the deep link before the first paint, so the page opens where the link points.
applyLocation(store);

// An error a panel's boundary caught is shown in that panel; log it as a warning for developers.
// Errors nothing caught stay errors.
createRoot(document.getElementById('root')!, {
  onCaughtError: (error, info) => console.warn('A panel caught an error:', error, info.componentStack),
}).render(
  <StrictMode>
    <LabStoreProvider store={store}>
      <App />
    </LabStoreProvider>
  </StrictMode>,
);
