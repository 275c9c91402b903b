#ifndef TIYAN_CCURL_SHIM_H
#define TIYAN_CCURL_SHIM_H
#include <curl/curl.h>
#endif
