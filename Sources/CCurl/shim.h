// libcurl for Swift: curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot
// call, so each kind of argument Folio passes gets a typed wrapper here.
#ifndef FOLIO_CCURL_SHIM_H
#define FOLIO_CCURL_SHIM_H

#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

typedef size_t (*folio_curl_data_callback)(char *buffer, size_t size, size_t count, void *context);
typedef int (*folio_curl_progress_callback)(void *context, curl_off_t download_total,
                                            curl_off_t download_now, curl_off_t upload_total,
                                            curl_off_t upload_now);

static inline CURLcode folio_curl_global_init(void) { return curl_global_init(CURL_GLOBAL_ALL); }

static inline CURLcode folio_curl_set_long(CURL *handle, CURLoption option, long value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode folio_curl_set_offset(CURL *handle, CURLoption option, curl_off_t value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode folio_curl_set_string(CURL *handle, CURLoption option, const char *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode folio_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode folio_curl_set_data_callback(CURL *handle, CURLoption option,
                                                    folio_curl_data_callback callback) {
  return curl_easy_setopt(handle, option, callback);
}

static inline CURLcode folio_curl_set_progress_callback(CURL *handle,
                                                        folio_curl_progress_callback callback) {
  return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

static inline long folio_curl_response_code(CURL *handle) {
  long code = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
  return code;
}

#endif
