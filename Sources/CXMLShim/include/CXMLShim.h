#ifndef TIYAN_CXML_SHIM_H
#define TIYAN_CXML_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#endif
