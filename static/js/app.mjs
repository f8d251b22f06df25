// Starts the GOV.UK Frontend components on pages that support ES modules.
// Every page works without this script: it only enhances.
import { initAll } from "../govuk/govuk-frontend.min.js";
import { initAutocompletes } from "./autocomplete.mjs";

initAll();
initAutocompletes();
