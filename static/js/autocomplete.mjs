// Type-ahead for long lists of organisations: each <select data-module="app-autocomplete"> becomes an
// accessible-autocomplete box (the GOV.UK pattern), which still submits the select's value. Without
// JavaScript, or before this runs, the select works as it is: this only enhances it.
export async function initAutocompletes(root = document) {
  const selects = root.querySelectorAll('select[data-module="app-autocomplete"]');
  if (selects.length === 0) {
    return;
  }
  // The library is a UMD bundle: loaded as a module it defines self.accessibleAutocomplete.
  await import("../accessible-autocomplete/accessible-autocomplete.min.js");
  for (const selectElement of selects) {
    window.accessibleAutocomplete.enhanceSelectElement({
      selectElement,
      defaultValue: "",
      showAllValues: true,
      // Autoselect draws the first suggestion's remainder in a second, unlabelled input, which fails axe's
      // label rule; without it a person arrows to a suggestion (or clicks it) and presses Enter.
      autoselect: false,
      // The empty option ("Choose an organisation") is a prompt, not an organisation to suggest.
      source: (query, populate) => {
        const wanted = query.toLowerCase();
        populate(
          [...selectElement.options]
            .filter((option) => option.value !== "" && option.text.toLowerCase().includes(wanted))
            .map((option) => option.text),
        );
      },
    });
  }
}
