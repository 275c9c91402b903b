#include "CXMLShim.h"

void tiyan_xml_free(void *pointer) {
    xmlFree(pointer);
}

static void tiyan_ignore_structured_error(void *user_data, xmlErrorPtr error) {
    (void)user_data;
    (void)error;
}

void tiyan_xpath_context_silence(xmlXPathContextPtr context) {
    if (context != NULL) {
        context->error = tiyan_ignore_structured_error;
    }
}

void tiyan_xml_set_max_depth(unsigned int depth) {
    xmlParserMaxDepth = depth;
}
