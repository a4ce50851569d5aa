/** The forms module's public surface: the form engine's contracts and pure logic (decision 0011), its policy and the services storing forms, versions and responses. */
export {
  type AnswerValidation,
  type FormVisibility,
  fieldName,
  firstPage,
  formVisibility,
  isVisible,
  mediaTypeAccepted,
  nextPage,
  OTHER_CHOICE,
  pageContent,
  pageProgress,
  previousPage,
  rankedCount,
  shownPages,
  type ValidateOptions,
  validateAnswers,
  visibleQuestions,
} from './form-answers.ts';
export { type AnswerCondition, evaluateCondition, isAnswered, OPERATORS_BY_TYPE, ownValue } from './form-conditions.ts';
export { checkFormDefinition, isCalendarDate, type LocatedQuestion, questionsInOrder } from './form-definition.ts';
export { columnsOf, type ExportCell, type ExportColumn, type ExportOptions, exportRow, mergeColumns } from './form-export.ts';
export {
  answersFromFormFields,
  type FormFields,
  type FormFieldValue,
  formFieldsFromAnswers,
  mergePageAnswers,
  parseLocalisedNumber,
  toAsciiDigits,
  type UploadedFileMeta,
} from './form-fields.ts';
export {
  type CreateFormInput,
  createFormInputSchema,
  type FormResponseView,
  formScopeSchema,
  type StoredForm,
} from './form-store.contracts.ts';
export {
  assertEditable,
  type ChangeSeverity,
  diffVersions,
  type FormDiff,
  nextDraft,
  publishVersion,
  type QuestionChange,
  type QuestionChangeKind,
  versionForResponse,
} from './form-versions.ts';
export { createFormsApi, FORMS_TAG } from './forms.api.server.ts';
export * from './forms.contracts.ts';
export {
  canEnterForOthers,
  canManageForm,
  canReadResponse,
  canRespondToForm,
  FORMS_MANAGE,
  FORMS_RESPOND,
  type FormScope,
  formSubject,
} from './forms.policy.ts';
export type { FormResponseStatus, FormScopeType } from './forms.schema.ts';
export {
  createForm,
  exportResponses,
  findDraftResponse,
  getFormVersion,
  getManagedResponse,
  getRespondent,
  getResponse,
  listForms,
  listResponses,
  listVersions,
  publishDraft,
  type SaveResponsePageInput,
  saveDraft,
  saveResponsePage,
  submitResponse,
} from './forms.service.server.ts';
export {
  FORMS_LIST_LIMIT,
  type FormSummary,
  type ListFormsInput,
  type ListResponsesInput,
  listResponsesInputSchema,
  type PersonRef,
  RESPONSE_STATUSES,
  RESPONSES_PAGE_DEFAULT,
  RESPONSES_PAGE_MAX,
  type ResponsePage,
  type ResponseSummary,
  type ResponsesExport,
} from './forms-responses.contracts.ts';
export { responsesFileName, responsesWorkbook, XLSX_CONTENT_TYPE } from './forms-responses-xlsx.server.ts';
