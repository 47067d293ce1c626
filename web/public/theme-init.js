// Runs before the app: applies the remembered theme, or the system's, so the first paint is right.
(function () {
  try {
    var stored = localStorage.getItem('mosaic-theme');
    var dark = stored ? stored === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
    document.documentElement.classList.toggle('dark', dark);
  } catch (e) {
    /* storage blocked: the app falls back to the system theme */
  }
})();
