// While a long job runs, its page asks the server again every few seconds and swaps in the new status, so a
// person sees progress and then the result without reloading. Without JavaScript the page's "Check again now"
// link does the same by hand. A button stops the automatic checks (WCAG 2.2.2: pause moving content).
const region = document.querySelector('[data-run-status]')

if (region && region.dataset.finished !== 'true') {
  const seconds = Math.max(1, Number(region.dataset.interval) || 3)
  const note = document.createElement('p')
  note.className = 'govuk-body'
  note.textContent = `This page updates itself every ${seconds} seconds. `
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0'
  button.textContent = 'Stop updating'
  note.append(button)
  region.after(note)
  let timer = null

  const stop = (message) => {
    window.clearTimeout(timer)
    timer = null
    note.textContent = message
  }

  const check = async () => {
    try {
      const response = await window.fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      if (!response.ok) {
        stop('This page stopped updating: reload it to see how the job is going.')
        return
      }
      const fresh = new window.DOMParser().parseFromString(await response.text(), 'text/html').querySelector('[data-run-status]')
      if (!fresh) {
        stop('This page stopped updating: reload it to see how the job is going.')
        return
      }
      // The same page, rendered by the server with its escaping: its status part replaces ours.
      region.innerHTML = fresh.innerHTML
      region.dataset.finished = fresh.dataset.finished
      if (fresh.dataset.finished === 'true') {
        stop('')
        note.remove()
        return
      }
    } catch {
      // A dropped connection: try again at the next interval.
    }
    if (timer !== null) timer = window.setTimeout(check, seconds * 1000)
  }

  button.addEventListener('click', () => stop('This page has stopped updating. Use "Check again now" to see how the job is going.'))
  timer = window.setTimeout(check, seconds * 1000)
}
