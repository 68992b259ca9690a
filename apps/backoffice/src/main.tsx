import { render } from 'preact';
import { App } from './App.tsx';
import './styles.css';
import './styles/people.css';
import './styles/feed.css';
import './styles/chat.css';
import './styles/recognition.css';
import './styles/manage.css';
import './styles/moderation.css';
import './styles/privacy.css';
import './styles/recruitment.css';
import './styles/admin.css';
import './styles/sales.css';
import './styles/onboarding.css';
import './styles/kpi.css';
import './styles/missions.css';

render(<App />, document.getElementById('app')!);
