#ifndef TIYAN_CCURL_SHIM_H
#define TIYAN_CCURL_SHIM_H
#include <curl/curl.h>

// curl_easy_setopt, curl_easy_getinfo and curl_slist are variadic or macro-heavy, which Swift cannot
// call; one typed forwarder per argument type, as swift-corelibs-foundation's CFURLSessionInterface.c.

CURLcode tiyan_curl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode tiyan_curl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode tiyan_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode tiyan_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode tiyan_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode tiyan_curl_easy_setopt_write_function(CURL *handle, CURLoption option, curl_write_callback value);
CURLcode tiyan_curl_easy_setopt_debug_function(CURL *handle, curl_debug_callback value);
CURLcode tiyan_curl_easy_setopt_xferinfo_function(CURL *handle, curl_xferinfo_callback value);

CURLcode tiyan_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode tiyan_curl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLcode tiyan_curl_easy_getinfo_string(CURL *handle, CURLINFO info, char **value);
CURLcode tiyan_curl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode tiyan_curl_easy_getinfo_slist(CURL *handle, CURLINFO info, struct curl_slist **value);

// CURLVERSION_NOW is a macro naming an enum case, which Swift does not import.
curl_version_info_data *tiyan_curl_version_info(void);

// CURL_ERROR_SIZE is a macro Swift may import as Int32; one source of truth for the buffer size.
long tiyan_curl_error_size(void);

#endif
