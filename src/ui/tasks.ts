import type { TaskId } from '../lib/share/url';

/** The four jobs the app is shaped around: the name on each tab (a contract with tests) and one line on what it is for. */
export const TASKS: readonly { id: TaskId; name: string; blurb: string }[] = [
  { id: 'explore', name: 'Explore areas', blurb: 'Map health and deprivation by ward or small area; read any area’s profile.' },
  { id: 'compare', name: 'Compare places', blurb: 'Put neighbourhoods side by side with the borough and England.' },
  { id: 'near', name: 'Near me', blurb: 'Find GP practices, pharmacies, libraries, food banks and hubs near a postcode.' },
  { id: 'site', name: 'Appraise a site', blurb: 'Screen a development site: who lives around it, their health, what is in reach.' },
];
