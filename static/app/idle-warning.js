// The idle warning: a notice shortly before a signed-in session ends for inactivity, with
// "Stay signed in", which tells the server this session is still in use. Without JavaScript
// the session still ends on the server after the same time; this only warns.
const notice = document.querySelector('[data-module="app-idle-warning"]')
if (notice) {
  const button = notice.querySelector('button')
  const warnMs = Number(notice.dataset.warnSeconds) * 1000
  let timers = []

  const schedule = (secondsLeft) => {
    timers.forEach(clearTimeout)
    notice.hidden = true
    const leftMs = secondsLeft * 1000
    timers = [
      setTimeout(() => { notice.hidden = false; button.focus() }, Math.max(0, leftMs - warnMs)),
      // Past the end the server has signed the session out: reloading shows the sign-in page.
      setTimeout(() => window.location.reload(), leftMs + 2000)
    ]
  }

  button.addEventListener('click', async () => {
    const response = await fetch(notice.dataset.keepAliveUrl, {
      method: 'POST',
      headers: { 'X-CSRFToken': notice.dataset.csrfToken },
      credentials: 'same-origin',
      redirect: 'manual'
    })
    if (response.status === 204) {
      schedule(Number(notice.dataset.idleSeconds))
    } else {
      window.location.reload()
    }
  })

  schedule(Number(notice.dataset.secondsLeft))
}
