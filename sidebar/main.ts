// The sidebar page: draws the form in the chosen language, talks to the server only through `server`,
// and shows every text that comes from the sheet or the user with textContent.
import type { SidebarContext } from '../src/addon/sidebar';
import { isLanguage, isRightToLeft, languageFromLocale, localDigits, translate, type Language, type MessageKey, type MessageParams } from '../src/core/i18n';
import { BUSINESS_MODELS, CHANNELS } from '../src/core/model/business-models';
import { stageLabel } from '../src/core/model/stages';
import { DEFAULT_GROSS_MARGIN, KPI_STAGES, TOMAN, USUAL_CURRENCY, WORKBOOK_LIMITS, type BusinessModelId, type KpiStageId, type WorkbookOptions } from '../src/core/workbook/options';
import { LANGUAGE_CALENDARS, USUAL_CALENDAR, USUAL_WEEK_START, WEEK_STARTS } from '../src/core/calendar';
import { server } from './bridge';
import { distinctNames } from '../src/core/workbook/options';
import { checkForm, friendlyServerMessage, parseNameList, parsePercent, parseTarget, type FormField } from './form';
import { setupImport } from './import';

function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`sidebar markup has no #${id}`);
  return found as T;
}

const form = byId<HTMLFormElement>('plan-form');
const businessName = byId<HTMLInputElement>('business-name');
const modelSelect = byId<HTMLSelectElement>('model');
const modelHint = byId<HTMLParagraphElement>('model-hint');
const languageSelect = byId<HTMLSelectElement>('language');
const currencySelect = byId<HTMLSelectElement>('currency');
const calendarSelect = byId<HTMLSelectElement>('calendar');
const weekStartSelect = byId<HTMLSelectElement>('week-start');
// Until the user picks one, the calendar and week start follow the workbook language's markets.
let calendarChosen = false;
let weekStartChosen = false;
const channelList = byId<HTMLDivElement>('channel-list');
const customChannels = byId<HTMLTextAreaElement>('custom-channels');
const segments = byId<HTMLTextAreaElement>('segments');
const grossMargin = byId<HTMLInputElement>('gross-margin');
const generateButton = byId<HTMLButtonElement>('generate');
const spreadsheetName = byId<HTMLParagraphElement>('spreadsheet-name');
const statusRegion = byId<HTMLParagraphElement>('status');
const errorRegion = byId<HTMLDivElement>('error');
const resultRegion = byId<HTMLElement>('result');

businessName.maxLength = WORKBOOK_LIMITS.businessName;

let language: Language = languageFromLocale(navigator.language);
let context: SidebarContext | undefined;

/** The currency preselected for a spreadsheet in each language (the user can pick any other). */

function t(key: MessageKey, params?: MessageParams): string {
  return translate(language, key, params);
}

function targetInput(stage: KpiStageId): HTMLInputElement {
  return byId<HTMLInputElement>(`target-${stage}`);
}

function checkedChannelIds(): Set<string> {
  return new Set(Array.from(channelList.querySelectorAll<HTMLInputElement>('input:checked'), (box) => box.value));
}

function selectedModel(): BusinessModelId {
  return modelSelect.value as BusinessModelId;
}

/** Checks the channels the chosen business model usually needs (the user can change them). */
function checkModelChannels(): void {
  const usual = new Set<string>(BUSINESS_MODELS[selectedModel()].channels);
  for (const box of channelList.querySelectorAll<HTMLInputElement>('input')) box.checked = usual.has(box.value);
}

/** Redraws every text in the current language; keeps what the user chose and typed. */
function render(): void {
  document.documentElement.lang = language;
  document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
  document.title = t('ui.sidebar.title');
  languageSelect.value = language;
  for (const labelled of document.querySelectorAll<HTMLElement>('[data-label]')) {
    labelled.textContent = t(labelled.dataset.label as MessageKey);
  }
  for (const label of document.querySelectorAll<HTMLElement>('[data-stage]')) {
    label.textContent = stageLabel(label.dataset.stage as KpiStageId, language);
  }
  const calendars = LANGUAGE_CALENDARS[language];
  const calendar = calendarChosen && calendars.includes(calendarSelect.value as never) ? calendarSelect.value : USUAL_CALENDAR[language];
  calendarSelect.replaceChildren(...calendars.map((id) => new Option(t(`ui.calendar.${id}`), id)));
  calendarSelect.value = calendar;
  calendarSelect.disabled = calendars.length < 2;
  const weekStart = weekStartChosen ? weekStartSelect.value : USUAL_WEEK_START[language];
  weekStartSelect.replaceChildren(...WEEK_STARTS.map((id) => new Option(t(`ui.weekStart.${id}`), id)));
  weekStartSelect.value = weekStart;
  // Left blank, the server's default margin: shown as the placeholder, in the language's digits.
  grossMargin.placeholder = `${localDigits(DEFAULT_GROSS_MARGIN * 100, language)}${language === 'en' ? '%' : '٪'}`;
  // The toman is no ISO code: the list shows its name.
  for (const option of currencySelect.options) if (option.value === TOMAN) option.text = t('ui.currency.TOMAN');
  if (!context) return;
  spreadsheetName.textContent = t('ui.spreadsheet', { name: context.spreadsheetName });

  const chosenModel = modelSelect.value;
  modelSelect.replaceChildren(...context.models.map(({ id }) => new Option(BUSINESS_MODELS[id].name[language], id)));
  if (chosenModel) modelSelect.value = chosenModel;
  modelHint.textContent = BUSINESS_MODELS[selectedModel()].description[language];

  const firstDraw = channelList.childElementCount === 0;
  const checked = checkedChannelIds();
  channelList.replaceChildren(
    ...context.channels.map(({ id }) => {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = id;
      box.checked = checked.has(id);
      const label = document.createElement('label');
      label.append(box, document.createTextNode(CHANNELS[id][language]));
      return label;
    }),
  );
  if (firstDraw) checkModelChannels();
  importer.render();
}

/** The controls that hold each checked field: they are marked invalid, the first one gets the focus. */
function fieldControls(field: FormField): HTMLElement[] {
  switch (field) {
    case 'businessName':
      return [businessName];
    case 'channels':
      return [...channelList.querySelectorAll<HTMLInputElement>('input'), customChannels];
    case 'customChannels':
      return [customChannels];
    case 'segments':
      return [segments];
  }
}

function clearInvalid(): void {
  for (const control of form.querySelectorAll('[aria-invalid]')) control.setAttribute('aria-invalid', 'false');
}

function showError(message: string): void {
  const title = document.createElement('strong');
  title.textContent = t('ui.error.title');
  const text = document.createElement('p');
  text.textContent = message;
  errorRegion.replaceChildren(title, text);
}

function showCreatedSheets(sheetNames: readonly string[]): void {
  const intro = document.createElement('p');
  intro.textContent = t('ui.success');
  const list = document.createElement('ul');
  list.append(
    ...sheetNames.map((name) => {
      const item = document.createElement('li');
      item.textContent = name;
      return item;
    }),
  );
  resultRegion.replaceChildren(intro, list);
}

/** Runs one server call with the loading state shown; a failure ends in the error region. */
async function whileBusy<T>(message: MessageKey, call: () => Promise<T>): Promise<T | undefined> {
  form.setAttribute('aria-busy', 'true');
  generateButton.disabled = true;
  statusRegion.textContent = t(message);
  statusRegion.classList.add('busy');
  errorRegion.replaceChildren();
  try {
    return await call();
  } catch (error) {
    showError(error instanceof Error && error.message ? friendlyServerMessage(error.message, t) : t('ui.error.unreachable'));
    return undefined;
  } finally {
    form.setAttribute('aria-busy', 'false');
    generateButton.disabled = context === undefined;
    statusRegion.textContent = '';
    statusRegion.classList.remove('busy');
  }
}

/** The targets typed, or the first stage whose text is not a number of zero or more. */
function readTargets(mark: boolean): { targets: WorkbookOptions['targets'] } | { invalid: KpiStageId } {
  const targets: WorkbookOptions['targets'] = {};
  for (const stage of KPI_STAGES) {
    const input = targetInput(stage);
    const value = parseTarget(input.value);
    if (mark) input.setAttribute('aria-invalid', String(value === null));
    if (value === null) return { invalid: stage };
    if (value !== undefined) targets[stage] = value;
  }
  return { targets };
}

function checkedRadio(name: string): string {
  return form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';
}

/**
 * The form as WorkbookOptions, or its first problem: the field marked invalid (and focused when `mark`),
 * with the message naming it. The server validates everything again.
 */
function workbookOptions(mark: boolean): { options: WorkbookOptions } | { problem: string; controls: HTMLElement[] } {
  if (mark) clearInvalid();
  const checked = checkedChannelIds();
  const names = (context?.channels ?? []).filter(({ id }) => checked.has(id)).map(({ id }) => CHANNELS[id][language]);
  const custom = parseNameList(customChannels.value);
  const values = {
    businessName: businessName.value.trim(),
    channels: distinctNames([...names, ...custom]),
    customChannels: custom,
    segments: parseNameList(segments.value),
  };
  // The server's own limits, checked here first so that the user reads which field to fix.
  const problem = checkForm(values, t);
  if (problem) return { problem: problem.message, controls: fieldControls(problem.field) };
  const read = readTargets(mark);
  if ('invalid' in read) {
    const input = targetInput(read.invalid);
    return { problem: t('ui.error.target', { stage: stageLabel(read.invalid, language), value: input.value }), controls: [input] };
  }
  const margin = parsePercent(grossMargin.value);
  if (mark) grossMargin.setAttribute('aria-invalid', String(margin === null));
  if (margin === null) return { problem: t('ui.error.grossMargin', { value: grossMargin.value }), controls: [grossMargin] };
  // This object is only what the form holds: the server checks its types and values.
  const options = {
    businessName: values.businessName,
    model: modelSelect.value,
    language,
    currency: currencySelect.value,
    horizon: checkedRadio('horizon'),
    granularity: checkedRadio('granularity'),
    calendar: calendarSelect.value,
    weekStart: weekStartSelect.value,
    channels: values.channels,
    segments: values.segments,
    targets: read.targets,
    ...(margin === undefined ? {} : { grossMargin: margin }),
  } as WorkbookOptions;
  return { options };
}

function markInvalid(controls: HTMLElement[]): void {
  for (const control of controls) control.setAttribute('aria-invalid', 'true');
  controls[0]?.focus();
}

async function generate(): Promise<void> {
  if (!context) return;
  const read = workbookOptions(true);
  if ('problem' in read) {
    resultRegion.replaceChildren();
    showError(read.problem);
    markInvalid(read.controls);
    return;
  }
  resultRegion.replaceChildren();
  const created = await whileBusy('ui.generating', () => server.generateWorkbook(read.options));
  if (created) {
    showCreatedSheets(created.sheetNames);
    void importer.refreshSources();
  }
}

const importer = setupImport({
  language: () => language,
  t,
  friendly: (message) => friendlyServerMessage(message, t),
  workbookOptions(mark) {
    const read = workbookOptions(mark);
    if ('problem' in read && mark) markInvalid(read.controls);
    return 'problem' in read ? { problem: read.problem } : read;
  },
});

languageSelect.addEventListener('change', () => {
  if (isLanguage(languageSelect.value)) language = languageSelect.value;
  render();
});
calendarSelect.addEventListener('change', () => {
  calendarChosen = true;
});
weekStartSelect.addEventListener('change', () => {
  weekStartChosen = true;
});
modelSelect.addEventListener('change', () => {
  modelHint.textContent = BUSINESS_MODELS[selectedModel()].description[language];
  checkModelChannels();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void generate();
});

async function start(): Promise<void> {
  render();
  const loaded = await whileBusy('ui.loading', () => server.getSidebarContext());
  if (!loaded) return;
  context = loaded;
  language = loaded.language;
  currencySelect.replaceChildren(...loaded.currencies.map((code) => new Option(code, code)));
  if (loaded.currencies.includes(USUAL_CURRENCY[language])) currencySelect.value = USUAL_CURRENCY[language];
  render();
  generateButton.disabled = false;
  await importer.refreshSources();
}

void start();
