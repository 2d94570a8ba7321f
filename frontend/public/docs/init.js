// Starts Swagger UI on the backend's own spec. An external file, not an inline script,
// because the Content-Security-Policy allows scripts from 'self' only.
window.addEventListener('DOMContentLoaded', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/v1/openapi.yaml',
    dom_id: '#swagger-ui',
    deepLinking: true,
    // The default validator badge loads an image from the internet; stay offline.
    validatorUrl: null,
  });
});
