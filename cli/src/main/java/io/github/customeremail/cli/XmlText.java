package io.github.customeremail.cli;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The StAX pieces the spreadsheet parts are read with: a parser that refuses DTDs and external entities. */
final class XmlText {

    private XmlText() {
    }

    /** @return a namespace-aware factory that reads no DTD and resolves no external entity */
    static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /**
     * Appends the text inside the element the reader is on (its children's text too) and leaves the reader on the
     * element's end, as FastExcel's reader takes a cell's or a shared string's text.
     */
    static void appendUntilEnd(XMLStreamReader xml, StringBuilder text) throws XMLStreamException {
        int depth = 1;
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> {
                    if (--depth == 0) {
                        return;
                    }
                }
                default -> { }
            }
        }
    }
}
