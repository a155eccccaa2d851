// The benchmark's, loaded before the peer's stub-preload.js. The twilio-node that npm installs for the sample's
// "^4.6.0" is 4.6.0, a release of 2017 (npm: "Version unsupported. Please use version 3.6.0."): it posts Twilio its
// form as multipart/form-data (the request library's formData), which the benchmark's Twilio stand-in refuses (415),
// as it refuses anything but application/x-www-form-urlencoded. This sends the same fields URL-encoded (request's
// form), as every other twilio-node release does; nothing else changes. A peer whose twilio-node does not use the
// request library is left alone.
let requestPath;
try {
  requestPath = require.resolve("request", { paths: [process.cwd()] });
} catch (notInstalled) {
  requestPath = null;
}
if (requestPath) {
  const request = require(requestPath);
  const urlEncoded = function (options, callback) {
    if (options && options.formData) {
      options = Object.assign({}, options, { form: options.formData });
      delete options.formData;
    }
    return request(options, callback);
  };
  Object.assign(urlEncoded, request);
  require.cache[requestPath].exports = urlEncoded;
}
