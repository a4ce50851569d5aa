// Starts Swagger UI on the API reference page (/api/docs). A separate file, not an inline script,
// so the page keeps the strict Content-Security-Policy; everything it loads comes from our origin.
(() => {
  const root = document.getElementById('swagger-ui');
  if (!root || typeof window.SwaggerUIBundle !== 'function') return;
  window.SwaggerUIBundle({
    url: root.dataset.specUrl,
    domNode: root,
    // Deep links put a link inside each operation's toggle button (nested controls): off.
    deepLinking: false,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    // The validator badge would send our document to validator.swagger.io: off.
    validatorUrl: null,
    defaultModelsExpandDepth: 1,
    displayRequestDuration: true,
  });
})();
