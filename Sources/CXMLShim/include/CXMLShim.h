#ifndef TIYAN_CXML_SHIM_H
#define TIYAN_CXML_SHIM_H

// TiyanHTML sees libxml2 only through this header, never through CLibXML2. This libxml2 is built
// with ICU, so its encoding.h includes the system ICU headers, whose `enum UErrorCode` differs
// from the copy inside Foundation (_FoundationICU); a Swift module that loads both fails clang's
// module consistency check, and only on some (clean, parallel) builds. Hiding the ICU part only
// drops two pointers at the end of xmlCharEncodingHandler, a struct Swift never touches.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/parserInternals.h>

// In Swift 6 `xmlFree` imports as a mutable global function pointer, which strict concurrency
// rejects; a plain function is callable from any thread.
void tiyan_xml_free(void *pointer);

// libxml2 prints XPath syntax errors to stderr unless the context has its own handler; a bad
// expression from configuration is reported as a Swift error instead.
void tiyan_xpath_context_silence(xmlXPathContextPtr context);

// xmlParserMaxDepth is a mutable C global; set once, before any parser runs.
void tiyan_xml_set_max_depth(unsigned int depth);

#endif
