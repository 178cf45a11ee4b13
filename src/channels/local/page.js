// The local channel's page script. Names, ids and texts come from the records and from people's
// typing, so nothing here turns data into markup: elements are built node by node and data goes in
// as text (textContent), never through innerHTML. The Content-Security-Policy's Trusted Types make
// any `innerHTML = string` in this page throw, so a slip cannot come back unnoticed.
// The page's texts come from the server in the chosen language (GET /local/api/texts): this file
// spells no sentence of its own.
const query = new URLSearchParams(location.search);
const state = {
  person: query.get('person'),
  lang: localStorage.getItem('pm-lang') === 'en' ? 'en' : 'nl',
  people: [],
  shown: '',
  alertsShown: '',
  text: {},
  /** The contract shown (several in one bot: the page switches between them). */
  contract: query.get('contract') || '',
  contracts: [],
};
const $ = (id) => document.getElementById(id);
/** The page's text `key`, {slots} filled from `values`. */
const t = (key, values = {}) =>
  (state.text[key] ?? '').replace(/\{(\w+)\}/g, (slot, name) => values[name] ?? slot);

/** An element with properties (className, dataset entries as `data`) and children: nodes or strings as text. */
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  const { data, ...rest } = props ?? {};
  Object.assign(node, rest);
  Object.assign(node.dataset, data ?? {});
  node.append(
    ...children.map((child) => (typeof child === 'string' ? document.createTextNode(child) : child)),
  );
  return node;
}

// Card texts stay text: without this, the renderer would take any `window.markdownit` it finds and
// put its HTML output into the card.
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (_text, result) => {
  result.didProcess = false;
};

async function api(path, body) {
  const sep = path.includes('?') ? '&' : '?';
  const contract = state.contract ? `&contract=${encodeURIComponent(state.contract)}` : '';
  const response = await fetch(
    `${path}${sep}lang=${state.lang}${contract}`,
    body
      ? {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            ...body,
            lang: state.lang,
            ...(state.contract ? { contract: state.contract } : {}),
          }),
        }
      : {},
  );
  const data = await response.json().catch(() => ({}));
  return { status: response.status, data };
}

function renderCard(json, onAction) {
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig({ fontFamily: 'system-ui, sans-serif' });
  card.onExecuteAction = onAction;
  card.parse(json);
  return card.render();
}

function messageNode(message) {
  const node = el('div', {
    className: `bubble ${message.from}`,
    data: { testid: 'message', messageId: message.id },
  });
  if (message.text !== undefined) node.textContent = message.text;
  else node.append(renderCard(message.card, (action) => act(message.id, action, node)));
  return node;
}

async function act(messageId, action, node) {
  // A link (a report's download): opened as it is, in a new tab.
  if (action.url) {
    window.open(action.url, '_blank', 'noopener');
    return;
  }
  const data = action.data || {};
  const verb = action.verb || data.verb;
  if (!verb || !(data.assignmentId || data.formId)) return;
  const inputs = {};
  for (const input of action.parent.getRootElement().getAllInputs()) inputs[input.id] = input.value;
  $('status').textContent = t('sending');
  const { status, data: result } = await api('/local/api/action', {
    person: state.person,
    verb,
    messageId,
    assignmentId: data.assignmentId,
    formId: data.formId,
    inputs,
  });
  if (result.card) node.replaceChildren(renderCard(result.card, (a) => act(messageId, a, node)));
  $('status').textContent =
    status === 200
      ? verb === 'submit' || verb === 'register-session'
        ? t('saved')
        : ''
      : t('failed', { error: result.error || status });
  // The card in the page is now newer than the last poll: it stays until the conversation itself changes
  // (a card with errors is never stored, so the poll must not replace it).
}

async function refresh() {
  const box = $('conversation');
  if (!state.person) {
    box.replaceChildren(el('p', { className: 'empty' }, t('pick')));
    return;
  }
  const { data } = await api(`/local/api/conversation?person=${encodeURIComponent(state.person)}`);
  const signature = JSON.stringify(data.messages);
  if (signature === state.shown) return;
  state.shown = signature;
  if (data.messages?.length) box.replaceChildren(...data.messages.map(messageNode));
  else box.replaceChildren(el('p', { className: 'empty' }, t('empty')));
  // The newest message in view: only the conversation scrolls, the page itself never grows.
  box.scrollTop = box.scrollHeight;
}

async function refreshAlerts() {
  const { data } = await api('/local/api/alerts');
  const signature = JSON.stringify(data.messages);
  if (signature === state.alertsShown) return;
  state.alertsShown = signature;
  if (data.messages?.length) $('alerts').replaceChildren(...data.messages.map(messageNode));
  else $('alerts').replaceChildren(t('noAlerts'));
}

function choose(id) {
  state.person = id || null;
  state.shown = '';
  const search = new URLSearchParams();
  if (state.contracts.length > 1) search.set('contract', state.contract);
  if (id) search.set('person', id);
  history.replaceState(null, '', search.size ? `?${search}` : location.pathname);
  showPeople();
  refresh();
}

/**
 * The contract's people; a person of another contract is not one of them, so nobody is picked. A
 * contract the bot does not serve (an old link) falls back to the first one.
 */
async function loadPeople() {
  let { status, data } = await api('/local/api/people');
  if (status !== 200 && state.contract) {
    state.contract = '';
    ({ status, data } = await api('/local/api/people'));
  }
  state.people = data.people || [];
  state.contract = data.contract || state.contract;
  if (!state.people.some((p) => p.id === state.person)) state.person = null;
}

/** The title names the contract shown (its name when known). */
function showTitle() {
  const shown = state.contracts.find((c) => c.id === state.contract);
  $('title').textContent = t('title', { contract: shown ? shown.name : state.contract });
  document.title = $('title').textContent;
}

async function switchContract(id) {
  state.contract = id;
  // Someone in both contracts stays picked; anyone else is nobody in the other one.
  await loadPeople();
  choose(state.person);
  state.alertsShown = '';
  showTitle();
  refreshAlerts();
}

function showContracts() {
  $('contract-choice').hidden = state.contracts.length < 2;
  $('contract-select').replaceChildren(...state.contracts.map((c) => el('option', { value: c.id }, c.name)));
  $('contract-select').value = state.contract;
}

// Two views of one list: buttons beside the conversation on wide screens, a select in the header on
// narrow ones (page.css shows one of them).
function showPeople() {
  const rolesOf = (p) => p.roles.map((r) => t(`role.${r}`) || r).join(', ');
  $('people').replaceChildren(
    ...state.people.map((p) => {
      const button = el(
        'button',
        { type: 'button', data: { testid: `person-${p.id}` } },
        p.name,
        el('small', {}, rolesOf(p)),
      );
      button.setAttribute('aria-current', String(p.id === state.person));
      button.onclick = () => choose(p.id);
      return button;
    }),
  );
  $('person-select').replaceChildren(
    el('option', { value: '', disabled: true }, t('pickOption')),
    ...state.people.map((p) => el('option', { value: p.id }, `${p.name} (${rolesOf(p)})`)),
  );
  $('person-select').value = state.person ?? '';
}

async function applyLanguage() {
  const { data } = await api('/local/api/texts');
  state.text = data.texts || {};
  document.documentElement.lang = state.lang;
  $('lang').value = state.lang;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]'))
    node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll('[data-i18n-label]'))
    node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  const { data: listed } = await api('/local/api/contracts');
  state.contracts = listed.contracts || [];
  showContracts();
  showTitle();
  state.shown = '';
  state.alertsShown = '';
  showPeople();
  refresh();
  refreshAlerts();
}

$('lang').onchange = (e) => {
  state.lang = e.target.value === 'en' ? 'en' : 'nl';
  localStorage.setItem('pm-lang', state.lang);
  applyLanguage();
};
$('person-select').onchange = (e) => choose(e.target.value);
$('contract-select').onchange = (e) => switchContract(e.target.value);
$('alerts-toggle').onclick = () => {
  const open = document.body.classList.toggle('alerts-open');
  $('alerts-toggle').setAttribute('aria-expanded', String(open));
};
$('say').onsubmit = async (e) => {
  e.preventDefault();
  const text = $('command').value.trim();
  if (!text || !state.person) return;
  $('command').value = '';
  $('status').textContent = t('sending');
  const { status, data } = await api('/local/api/command', { person: state.person, text });
  $('status').textContent = status === 200 ? '' : t('failed', { error: data.error || status });
  state.shown = '';
  // `taal en` / `language nl` chose the language: the page follows, as its select would.
  const chosen = /^\/?(taal|language)\s+(nl|en)$/i.exec(text);
  if (status === 200 && chosen && chosen[2].toLowerCase() !== state.lang) {
    state.lang = chosen[2].toLowerCase();
    localStorage.setItem('pm-lang', state.lang);
    await applyLanguage();
    return;
  }
  await refresh();
};

(async () => {
  const asked = state.person;
  await loadPeople();
  await applyLanguage();
  // A person or contract of the link that is not (or no longer) there leaves the address too.
  if (
    asked !== state.person ||
    query.get('contract') !== (state.contracts.length > 1 ? state.contract : null)
  )
    choose(state.person);
  setInterval(() => {
    refresh();
    refreshAlerts();
  }, 2000);
})();
