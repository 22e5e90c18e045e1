// pages.js - the pages of the dashboard, in the order of their tabs. A page
// module's default export: {id, nav (the word of its tab), section (the id
// of its <section> in index.html), roles (who sees it; null: everyone
// signed in), init() once, show(args) when its #/id/args... is entered,
// relabel() when the language changes while it is shown, reset() on
// sign-out: nothing of the last account may stay}.
import overview from './overview.js';
import schools from './schools.js';
import submit from './submit.js';
import records from './records.js';
import history from './history.js';
import users from './users.js';
import evaluation from './evaluation.js';

export default [
  overview,
  schools,
  evaluation,
  submit,
  records,
  history,
  users,
];
