// Type-ahead for the organisation search: as the person types, suggestions from the JSON search fill a
// native <datalist> (announced by screen readers as the input's list). Without JavaScript the GET form works.
const input = document.querySelector('input[data-organisation-search]')
if (input) {
  const list = document.createElement('datalist')
  list.id = `${input.id}-suggestions`
  input.after(list)
  input.setAttribute('list', list.id)
  input.setAttribute('autocomplete', 'off')
  let timer = null
  let asked = ''
  input.addEventListener('input', () => {
    clearTimeout(timer)
    timer = setTimeout(async () => {
      const query = input.value.trim()
      if (query.length < 2 || query === asked) return
      asked = query
      const response = await fetch(`${input.dataset.organisationSearch}?q=${encodeURIComponent(query)}`, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin'
      })
      if (!response.ok) return
      const { results } = await response.json()
      list.replaceChildren(
        ...results.map((organisation) => {
          const option = document.createElement('option')
          option.value = organisation.name
          option.label = [organisation.kind, organisation.code].filter(Boolean).join(', ')
          return option
        })
      )
    }, 250)
  })
}
